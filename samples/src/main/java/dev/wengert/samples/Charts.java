package dev.wengert.samples;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The few XChart calls the samples need: line charts, log axes, and PNG output. */
final class Charts {

    /** Log axes cannot show 0; values below this are drawn at this floor. */
    static final double LOG_FLOOR = 1e-17;

    static final Color RED = new Color(214, 39, 40);
    static final Color BLUE = new Color(31, 119, 180);
    static final Color GREEN = new Color(44, 160, 44);

    private Charts() {}

    static XYChart lineChart(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        XYStyler s = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (logX) {
            // Labels at decades only: with labels at every 1..9 x 10^k, 80, 90 and 100 run together (and
            // XChart's custom tick formatting does not follow a log axis).
            s.setXAxisLogarithmicDecadeOnly(true);
        }
        if (logY) {
            // Plain decimals on a log axis print 1e-12 as 0 and two nearby ticks alike: use mantissa and exponent.
            s.setYAxisDecimalPattern("0.##E0");
        }
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setMarkerSize(4);
        return chart;
    }

    /** Adds a line; on a log axis values are clamped to {@link #LOG_FLOOR}. */
    static XYSeries addLine(XYChart chart, String name, double[] x, double[] y, boolean markers) {
        double[] shown = y.clone();
        if (chart.getStyler().isYAxisLogarithmic()) {
            for (int i = 0; i < shown.length; i++) {
                shown[i] = Math.max(Math.abs(shown[i]), LOG_FLOOR);
            }
        }
        XYSeries series = chart.addSeries(name, x, shown);
        series.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        return series;
    }

    static double[] indices(int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = i;
        }
        return x;
    }

    /** Writes the charts as one PNG, stacked vertically. */
    static void writePng(List<XYChart> charts, Path out) throws IOException {
        try (OutputStream stream = Files.newOutputStream(out)) {
            BitmapEncoder.saveBitmap(charts, charts.size(), 1, stream, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new IOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
