package dev.disclose.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** What the operating system says about a disk, turned into the file, the cause and what to do. */
class StorageFailureTest {
  @Test
  void eachConditionIsNamedWithTheFileAndWhatToDo() {
    assertThat(
            StorageFailure.describe(
                new FileSystemException("/site/_site/index.html", null, "No space left on device")))
        .isEqualTo(
            "/site/_site/index.html: the disk is full (No space left on device); "
                + "free some space on it and run again");
    assertThat(
            StorageFailure.describe(
                new FileSystemException("/site/a.md", null, "Disk quota exceeded")))
        .startsWith("/site/a.md: your disk quota is used up (Disk quota exceeded); free some");
    assertThat(
            StorageFailure.describe(
                new FileSystemException("/site/a.md", null, "Read-only file system")))
        .startsWith("/site/a.md: the file system is mounted read-only (Read-only file system);");
    assertThat(StorageFailure.describe(new AccessDeniedException("/site/a.md")))
        .startsWith("/site/a.md: you have no permission to write there (Permission denied); check");
  }

  @Test
  void theConditionIsFoundAmongTheCauses() {
    IOException write = new IOException("No space left on device");
    FileSystemException named = new FileSystemException("/site/b.md", null, write.getMessage());
    named.initCause(write);
    assertThat(StorageFailure.of(new UncheckedIOException(named)))
        .contains(StorageFailure.DISK_FULL);
    assertThat(StorageFailure.describe(new IllegalStateException(named)))
        .startsWith("/site/b.md: ");
  }

  @Test
  void otherFailuresKeepTheirOwnMessage() {
    assertThat(StorageFailure.of(new IOException("Stale file handle"))).isEmpty();
    assertThat(StorageFailure.describe(new IOException("Stale file handle")))
        .isEqualTo("Stale file handle");
  }
}
