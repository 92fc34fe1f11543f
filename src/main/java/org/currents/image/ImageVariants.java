package org.currents.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns fetched bytes into the widths pages offer, as JPEG: the bytes must decode as an image
 * (whatever the server called them), within a size that cannot exhaust memory; never enlarged.
 */
public final class ImageVariants {
    public static final List<Integer> WIDTHS = List.of(320, 640, 960);
    static final int MAX_SIDE = 12_000;
    static final long MAX_PIXELS = 40_000_000L;

    private ImageVariants() {
    }

    /**
     * The variants by width, smallest first.
     *
     * @throws IOException with a sentence when the bytes are not an image this can read, or too large
     */
    public static Map<Integer, byte[]> of(byte[] bytes) throws IOException {
        BufferedImage image = decode(bytes);
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        for (int width : WIDTHS) {
            int w = Math.min(width, image.getWidth());
            if (out.containsKey(w)) {
                break;
            }
            out.put(w, jpeg(scale(image, w)));
            if (w < width) {
                break;
            }
        }
        return out;
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not an image (no reader knows these " + bytes.length + " bytes)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                // Read the header before decoding: a small file may declare a huge canvas.
                if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new IOException("image of " + w + "×" + h + " pixels is larger than allowed");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new IOException("image could not be decoded");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            throw new IOException("image could not be decoded: " + e.getMessage(), e);
        }
    }

    private static BufferedImage scale(BufferedImage source, int width) {
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
