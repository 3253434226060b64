package dev.disclose.load;

import dev.disclose.yaml.Position;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes UTF-8 strictly and, when a byte sequence is invalid, says on which line and column. */
public final class StrictUtf8 {
  private StrictUtf8() {}

  public sealed interface Decoded {
    record Text(String text) implements Decoded {}

    record Invalid(Position position, int offset) implements Decoded {}
  }

  public static Decoded decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      return invalidAt(bytes, in.position());
    }
    result = decoder.flush(out);
    if (result.isError()) {
      return invalidAt(bytes, in.position());
    }
    out.flip();
    return new Decoded.Text(out.toString());
  }

  private static Decoded invalidAt(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // Column in characters: decode the valid part of the line before the bad byte.
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    return new Decoded.Invalid(
        new Position(line, before.codePointCount(0, before.length()) + 1), offset);
  }
}
