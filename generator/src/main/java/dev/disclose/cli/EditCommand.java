package dev.disclose.cli;

import dev.disclose.authoring.SealedFiles;
import dev.disclose.load.AdvisoryReader;
import dev.disclose.load.SiteException;
import dev.disclose.load.SiteRoot;
import dev.disclose.report.TerminalText;
import dev.disclose.sealing.Recipient;
import dev.disclose.sealing.SealingKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description = {
      "Edits a sealed advisory: decrypts it to a private temporary file, opens $EDITOR",
      "(or $VISUAL, else vi), re-seals it if it changed, then overwrites and deletes the copy.",
      "The key: DISCLOSE_SEALING_KEY or DISCLOSE_SEALING_KEY_FILE (+ DISCLOSE_SEALING_PASSPHRASE)."
    },
    footer = {"", "Exit codes: 0 saved (or unchanged), 1 unusable recipient keys, 2 usage or I/O."})
final class EditCommand implements Callable<Integer> {
  @ParentCommand DiscloseCommand parent;
  @Mixin SiteOptions site;
  @Mixin NowOption clock;

  @Parameters(paramLabel = "ID", description = "The sealed advisory to edit.")
  String id;

  @Override
  public Integer call() throws Exception {
    Environment env = parent.env();
    SiteRoot opened = site.open(env);
    Instant now = clock.resolve(env);
    Path sealed = SealedFiles.find(opened, id);
    if (!AdvisoryReader.isSealed(sealed)) {
      env.err()
          .println(
              "disclose: "
                  + SealCommand.shown(opened, sealed)
                  + " is not sealed: edit it as it is, or run `disclose seal "
                  + TerminalText.visible(id)
                  + "` first");
      return Main.USAGE;
    }
    SealingKey key = SealingEnvironment.requireKey(env, now);
    List<Recipient> recipients = SealCommand.recipients(env, opened, now);
    if (recipients == null) return Main.FINDINGS;
    byte[] before = SealedFiles.open(opened, sealed, key);
    Path dir = privateFolder();
    Path copy = dir.resolve(id + ".md");
    try {
      Files.write(copy, before);
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
      int exit = runEditor(env, copy);
      if (exit != 0) {
        env.err()
            .println(
                "disclose: the editor exited with "
                    + exit
                    + "; "
                    + TerminalText.visible(id)
                    + " is left as it was");
        return Main.USAGE;
      }
      byte[] after = Files.readAllBytes(copy);
      try {
        if (Arrays.equals(before, after)) {
          env.out().println("unchanged: " + SealCommand.shown(opened, sealed));
          return Main.OK;
        }
        SealedFiles.reseal(opened, sealed, after, recipients, now);
        env.out()
            .println(
                "re-sealed "
                    + SealCommand.shown(opened, sealed)
                    + " for "
                    + recipients.size()
                    + (recipients.size() == 1 ? " key" : " keys"));
        return Main.OK;
      } finally {
        Arrays.fill(after, (byte) 0);
      }
    } finally {
      Arrays.fill(before, (byte) 0);
      SealedFiles.shred(copy);
      try (var left = Files.list(dir)) {
        // An editor's swap or backup files hold the plaintext too.
        for (Path p : left.toList()) SealedFiles.shred(p);
      }
      Files.deleteIfExists(dir);
    }
  }

  /**
   * A folder only this user can enter; in memory ({@code /dev/shm}) where there is one, so that the
   * plaintext never reaches a disk.
   */
  private static Path privateFolder() throws IOException {
    var owner = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm))
      return Files.createTempDirectory(shm, "disclose-edit-", owner);
    return Files.createTempDirectory("disclose-edit-", owner);
  }

  /** Runs the user's editor on {@code file} through the shell, so that EDITOR may hold options. */
  private static int runEditor(Environment env, Path file) throws IOException, SiteException {
    String editor = env.variables().get("EDITOR");
    if (editor == null || editor.isBlank()) editor = env.variables().get("VISUAL");
    if (editor == null || editor.isBlank()) editor = "vi";
    ProcessBuilder process =
        new ProcessBuilder("sh", "-c", editor + " \"$1\"", "disclose-edit", file.toString())
            .inheritIO();
    try {
      return process.start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SiteException("interrupted while the editor ran", e);
    } catch (IOException e) {
      throw new SiteException("cannot run the editor `" + editor + "`: " + e.getMessage(), e);
    }
  }
}
