package dev.disclose.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

/** Shared assertions for the version scheme tests. */
final class VersionAssertions {
  private VersionAssertions() {}

  static Version parse(VersionScheme scheme, String text) {
    try {
      return scheme.parse(text);
    } catch (InvalidVersionException e) {
      return fail("expected %s to accept `%s` but: %s", scheme.name(), text, e.getMessage());
    }
  }

  /** Every earlier version is strictly less than every later one, in both directions. */
  static void assertStrictlyAscending(VersionScheme scheme, List<String> texts) {
    List<Version> versions = new ArrayList<>();
    for (String text : texts) {
      versions.add(parse(scheme, text));
    }
    for (int i = 0; i < versions.size(); i++) {
      Version a = versions.get(i);
      assertThat(a.compareTo(a)).as("%s compared with itself", a).isZero();
      for (int j = i + 1; j < versions.size(); j++) {
        Version b = versions.get(j);
        assertThat(a.compareTo(b)).as("%s compared with %s", a, b).isNegative();
        assertThat(b.compareTo(a)).as("%s compared with %s", b, a).isPositive();
        assertThat(a).as("%s equals %s", a, b).isNotEqualTo(b);
      }
    }
  }

  /** All texts parse to versions that compare equal, are equal and hash alike. */
  static void assertAllEqual(VersionScheme scheme, String... texts) {
    Version first = parse(scheme, texts[0]);
    for (String text : texts) {
      Version other = parse(scheme, text);
      assertThat(other.text()).isEqualTo(text);
      assertThat(first.compareTo(other)).as("%s compared with %s", first, other).isZero();
      assertThat(other.compareTo(first)).as("%s compared with %s", other, first).isZero();
      assertThat(other).as("%s equals %s", other, first).isEqualTo(first);
      assertThat(other.hashCode())
          .as("hash of %s and %s", other, first)
          .isEqualTo(first.hashCode());
    }
  }

  static void assertRejected(VersionScheme scheme, String text, String expectedMessage) {
    assertThatThrownBy(() -> scheme.parse(text))
        .as("%s parsing `%s`", scheme.name(), text)
        .isInstanceOf(InvalidVersionException.class)
        .hasMessage(expectedMessage);
  }

  static void assertRejectedContaining(VersionScheme scheme, String text, String... fragments) {
    assertThatThrownBy(() -> scheme.parse(text))
        .as("%s parsing `%s`", scheme.name(), text)
        .isInstanceOf(InvalidVersionException.class)
        .message()
        .contains(fragments);
  }
}
