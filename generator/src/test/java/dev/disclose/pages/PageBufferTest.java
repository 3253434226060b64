package dev.disclose.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PageBufferTest {
  @Test
  void holdsWhatEveryKindOfWriteWrote() throws Exception {
    PageBuffer out = PageBuffer.empty();
    out.write("<p>");
    out.write("a≥b".toCharArray(), 0, 3);
    out.write("<i>".toCharArray()); // a template's text, as Pebble's TextNode writes it
    out.write("xyz", 1, 2);
    out.write('!');
    out.append("<br>");
    out.append('|');
    out.append("0123", 1, 3);
    out.writeSpecialized(42);
    out.writeSpecialized(-7L);
    out.writeSpecialized(1.5);
    out.writeSpecialized(2.5f);
    out.writeSpecialized((short) 3);
    out.writeSpecialized((byte) 4);
    out.writeSpecialized('c');
    out.writeSpecialized("s");
    out.write((Object) Integer.valueOf(9));
    out.write((Object) new BigDecimal("1E+3"));
    assertThat(out.page()).isEqualTo("<p>a≥b<i>yz!<br>|1242-71.52.534cs91000");
  }

  @Test
  void eachPageStartsEmptyOnTheSameThread() {
    PageBuffer first = PageBuffer.empty();
    first.write("first page, long enough to notice");
    assertThat(first.page()).isEqualTo("first page, long enough to notice");
    // A page given up half-way (a template failed) leaves nothing for the next one either.
    PageBuffer.empty().write("half of a failed page");
    PageBuffer second = PageBuffer.empty();
    second.write("second");
    assertThat(second.page()).isEqualTo("second");
  }

  @Test
  void letsGoOfTheRoomALongPageTook() {
    PageBuffer out = PageBuffer.empty();
    String line = "<tr><td>row</td></tr>\n".repeat(100);
    for (int i = 0; i < 2_000; i++) out.write(line);
    assertThat(out.capacity()).isGreaterThan(4_000_000);
    assertThat(out.page()).hasSize(line.length() * 2_000);
    assertThat(PageBuffer.empty().capacity()).isEqualTo(1 << 15);
  }

  @Test
  void letsGoOfALongPageGivenUpHalfWay() {
    PageBuffer out = PageBuffer.empty();
    out.write("x".repeat(3_000_000)); // and then its template failed: page() never asked for
    assertThat(PageBuffer.empty().capacity()).isEqualTo(1 << 15);
  }

  @Test
  void keepsAnOrdinaryPagesRoomForTheNext() {
    PageBuffer out = PageBuffer.empty();
    out.write("x".repeat(200_000));
    int grown = out.capacity();
    out.page();
    assertThat(PageBuffer.empty().capacity()).isEqualTo(grown);
  }
}
