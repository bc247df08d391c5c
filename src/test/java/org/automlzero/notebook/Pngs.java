package org.automlzero.notebook;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/** What the tests check of a chart's PNG: that it decodes, and that it is more than an empty canvas. */
final class Pngs {
  private Pngs() {}

  /** A decoded image's distinct colours and the share of pixels that are not its commonest colour. */
  record Stats(int width, int height, int colours, double inked) {}

  static Stats stats(String base64) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    if (image == null) {
      throw new IOException("not a decodable image");
    }
    Set<Integer> colours = new HashSet<>();
    Map<Integer, Integer> counts = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        colours.add(rgb);
        counts.merge(rgb, 1, Integer::sum);
      }
    }
    int background = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    double pixels = (double) image.getWidth() * image.getHeight();
    return new Stats(image.getWidth(), image.getHeight(), colours.size(), 1 - background / pixels);
  }
}
