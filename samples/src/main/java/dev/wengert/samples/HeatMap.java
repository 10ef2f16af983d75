package dev.wengert.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A heat map of heights on a square grid with a colour bar, drawn straight into a PNG: one pixel per node
 * (nearest node when the grid is larger than the plot), which stays quick for a quarter of a million nodes
 * where a chart library draws a rectangle per cell.
 */
final class HeatMap {

    private static final int PLOT = 600;
    private static final int MARGIN = 60;
    private static final int BAR = 24;

    // Viridis at nine stops (matplotlib's colour map, perceptually uniform and legible in grey).
    private static final int[] STOPS = {
        0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725};

    private HeatMap() {}

    /**
     * Writes the heights as a PNG.
     *
     * @param heights w * w values, row by row from the bottom
     * @param w nodes per side
     * @param lower the coordinate of the first node, in x and y
     * @param upper the coordinate of the last node
     * @param title the line above the plot
     * @param out the file
     */
    static void write(double[] heights, int w, double lower, double upper, String title, Path out) throws IOException {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : heights) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max > min)) {
            max = min + 1.0;   // a flat surface: one colour, a bar that still has a scale
        }
        int width = MARGIN + PLOT + 30 + BAR + 70;
        int height = MARGIN + PLOT + 50;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int py = 0; py < PLOT; py++) {
            int p = (int) ((PLOT - 1 - py) * (long) w / PLOT);   // the top pixel row shows the top grid row
            for (int px = 0; px < PLOT; px++) {
                int q = (int) (px * (long) w / PLOT);
                image.setRGB(MARGIN + px, MARGIN + py, colour((heights[p * w + q] - min) / (max - min)));
            }
        }
        int barX = MARGIN + PLOT + 30;
        for (int py = 0; py < PLOT; py++) {
            int rgb = colour(1.0 - py / (PLOT - 1.0));
            for (int px = 0; px < BAR; px++) {
                image.setRGB(barX + px, MARGIN + py, rgb);
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(MARGIN - 1, MARGIN - 1, PLOT + 1, PLOT + 1);
        g.drawRect(barX - 1, MARGIN - 1, BAR + 1, PLOT + 1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k <= 4; k++) {
            int y = MARGIN + (int) Math.round(k * (PLOT - 1) / 4.0);
            g.drawLine(barX + BAR, y, barX + BAR + 5, y);
            g.drawString(String.format("%.3g", max - k * (max - min) / 4), barX + BAR + 8, y + fm.getAscent() / 2 - 1);
            int x = MARGIN + (int) Math.round(k * (PLOT - 1) / 4.0);
            String tick = String.format("%.3g", lower + k * (upper - lower) / 4);
            g.drawLine(x, MARGIN + PLOT, x, MARGIN + PLOT + 5);
            g.drawString(tick, x - fm.stringWidth(tick) / 2, MARGIN + PLOT + 8 + fm.getAscent());
            String yTick = String.format("%.3g", upper - k * (upper - lower) / 4);
            g.drawLine(MARGIN - 6, y, MARGIN - 1, y);
            g.drawString(yTick, MARGIN - 8 - fm.stringWidth(yTick), y + fm.getAscent() / 2 - 1);
        }
        g.drawString("x", MARGIN + PLOT / 2 - fm.stringWidth("x") / 2, MARGIN + PLOT + 40);
        g.drawString("y", 8, MARGIN + PLOT / 2);
        g.drawString("u", barX + BAR / 2 - fm.stringWidth("u") / 2, MARGIN - 8);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, MARGIN, MARGIN - 28);
        g.dispose();
        try {
            ImageIO.write(image, "png", out.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** The colour map at t in [0, 1], as 0xRRGGBB. */
    static int colour(double t) {
        double s = Math.max(0.0, Math.min(1.0, t)) * (STOPS.length - 1);
        int k = Math.min((int) s, STOPS.length - 2);
        double f = s - k;
        int a = STOPS[k];
        int b = STOPS[k + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int gr = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return r << 16 | gr << 8 | bl;
    }
}
