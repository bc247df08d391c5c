package org.automlzero.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeriesCategory;
import org.knowm.xchart.internal.series.AxesChartSeriesNumericalNoErrorBars;
import org.knowm.xchart.internal.series.Series;

/**
 * XChart charts as the PNG a notebook shows inline. A chart with no series, or a series without a
 * single finite point, is refused (an empty plot hides a broken query, so the cell fails instead).
 * Stateless.
 */
public final class ChartImages {
  private ChartImages() {}

  /** The chart as PNG bytes; fails naming the chart when it has nothing to plot. */
  public static byte[] png(Chart<?, ?> chart) {
    checkHasData(chart);
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode chart '" + chart.getTitle() + "': " + e.getMessage(), e);
    }
  }

  /** The PNG as base64, Jupyter's encoding of {@code image/png} display data. */
  public static String base64Png(Chart<?, ?> chart) {
    return Base64.getEncoder().encodeToString(png(chart));
  }

  static void checkHasData(Chart<?, ?> chart) {
    if (chart.getSeriesMap().isEmpty()) {
      throw new IllegalArgumentException("chart '" + chart.getTitle() + "' has no series: nothing to plot");
    }
    for (Series series : chart.getSeriesMap().values()) {
      if (finitePoints(series) == 0) {
        throw new IllegalArgumentException("series '" + series.getName() + "' of chart '" + chart.getTitle()
            + "' has no finite point: nothing to plot");
      }
    }
  }

  /** The points of {@code series} with a finite y (any series kind XChart draws from numbers). */
  static int finitePoints(Series series) {
    int count = 0;
    if (series instanceof AxesChartSeriesNumericalNoErrorBars numerical) {
      for (double y : numerical.getYData()) {
        count += Double.isFinite(y) ? 1 : 0;
      }
    } else if (series instanceof AxesChartSeriesCategory category) {
      for (Number y : category.getYData()) {
        count += y != null && Double.isFinite(y.doubleValue()) ? 1 : 0;
      }
    } else {
      count = 1; // pie and other charts: XChart itself refuses what it cannot draw
    }
    return count;
  }
}
