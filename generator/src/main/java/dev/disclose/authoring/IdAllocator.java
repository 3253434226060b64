package dev.disclose.authoring;

import dev.disclose.advisory.Advisory;
import dev.disclose.advisory.AdvisoryId;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Finds the next free number of the site's own IDs for a year. Both the IDs the files declare and
 * the file names count, so a file whose front matter is broken still reserves its number.
 */
final class IdAllocator {
  private final String prefix;
  private final int year;
  private int highest;

  IdAllocator(String prefix, int year, Collection<Advisory> advisories, Collection<Path> files) {
    this.prefix = prefix;
    this.year = year;
    for (Advisory a : advisories) consider(a.id());
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".md")) consider(name.substring(0, name.length() - 3));
      // A sealed advisory's number is taken too, though only its file name tells it.
      if (name.endsWith(".md.asc")) consider(name.substring(0, name.length() - 7));
    }
  }

  private void consider(String id) {
    AdvisoryId.parseOwn(id, prefix)
        .filter(own -> own.year() == year)
        .ifPresent(own -> highest = Math.max(highest, own.number()));
  }

  String next() {
    highest++;
    return AdvisoryId.format(prefix, year, highest);
  }
}
