package dev.disclose.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrontMatterTest {
  @Test
  void splitsYamlAndBodyRememberingWhereEachStarts() {
    FrontMatter.Split split = FrontMatter.split("---\nid: X\ntitle: T\n---\nBody\n");
    FrontMatter fm = ((FrontMatter.Split.Parts) split).frontMatter();
    assertThat(fm.yaml()).isEqualTo("id: X\ntitle: T\n");
    assertThat(fm.yamlFirstLine()).isEqualTo(2);
    assertThat(fm.body()).isEqualTo("Body\n");
    assertThat(fm.bodyFirstLine()).isEqualTo(5);
  }

  @Test
  void acceptsWindowsLineEndingsAndTrailingSpaces() {
    FrontMatter.Split split = FrontMatter.split("---  \r\nid: X\r\n--- \r\nBody\r\n");
    FrontMatter fm = ((FrontMatter.Split.Parts) split).frontMatter();
    assertThat(fm.yaml()).isEqualTo("id: X\r\n");
    assertThat(fm.body()).isEqualTo("Body\r\n");
  }

  @Test
  void aDashedLineInsideTheBodyIsNotADelimiter() {
    FrontMatter fm =
        ((FrontMatter.Split.Parts) FrontMatter.split("---\na: 1\n---\nx\n---\ny\n")).frontMatter();
    assertThat(fm.body()).isEqualTo("x\n---\ny\n");
  }

  @Test
  void reportsMissingAndUnclosedFrontMatter() {
    assertThat(FrontMatter.split("# Title\n")).isInstanceOf(FrontMatter.Split.Missing.class);
    assertThat(FrontMatter.split("")).isInstanceOf(FrontMatter.Split.Missing.class);
    FrontMatter.Split unclosed = FrontMatter.split("---\nid: X\n");
    assertThat(((FrontMatter.Split.Missing) unclosed).message()).contains("never closed");
  }

  @Test
  void closedAtEndOfFileHasEmptyBody() {
    FrontMatter fm = ((FrontMatter.Split.Parts) FrontMatter.split("---\na: 1\n---")).frontMatter();
    assertThat(fm.body()).isEmpty();
  }
}
