package dev.disclose.pipeline;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The folder a public build remembers itself in ({@code .disclose-cache/} by default): what the
 * next build, in a new process, needs to leave alone what did not change. It holds one file: the
 * last build's generator, request and inputs, its manifest, for each file of its output the
 * fingerprint of what the file was made of, its SHA-256 and size, and its memo's saved values.
 *
 * <p>Nothing in it is trusted unchecked: a cache of another generator, format or user, one others
 * may write, or one whose checksum fails (corrupt, truncated) is set aside with a note and the
 * build made in full. It holds digests, public paths and what a public build made of public
 * advisories, nothing of one that is not public, so that a cache restored on a pull request's
 * runner reveals no embargo.
 */
public final class BuildCache {
  static final String FILE = "build-cache.bin";
  static final int FORMAT = 1;
  private static final byte[] MAGIC = "disclose build cache\n".getBytes(StandardCharsets.US_ASCII);
  private static final int DIGEST = 32;
  private static final int CHECKSUM = Integer.BYTES;

  /**
   * A file of the last output: the fingerprint of its source (null for a file made without one),
   * its SHA-256 and size; {@code keptSha256}: the SHA-256 of the file at the same path in the
   * output before last, which waits beside the output for the next build to write into (null if
   * none or unknown).
   */
  public record RememberedFile(byte[] source, byte[] sha256, long size, byte[] keptSha256) {}

  /**
   * What one public build leaves for the next: the generator that made it; the {@code request} (the
   * options that shape the output); the digest of its {@code inputs} beyond what its manifest
   * covers; whether its output depended on the moment it was made in ways no manifest foresees; its
   * {@code manifest} ({@link BuildManifest#FILE}'s bytes); that of the output before last; its
   * files by path; and what it said it built.
   */
  public record Remembered(
      String generator,
      String request,
      String inputs,
      boolean timeDependent,
      byte[] manifest,
      byte[] keptManifest,
      Map<String, RememberedFile> files,
      Map<String, SavedMemo.Value> values,
      int advisories,
      int pages,
      int fileCount,
      long bytes) {}

  /** The cache found in a folder, or none, with why a cache there was set aside. */
  public record Opened(Optional<Remembered> remembered, Optional<String> note) {
    static Opened none() {
      return new Opened(Optional.empty(), Optional.empty());
    }

    static Opened setAside(String why) {
      return new Opened(Optional.empty(), Optional.of(why));
    }
  }

  private BuildCache() {}

  /** The cache in {@code folder}, if there is one this build may use. */
  public static Opened open(Path folder, String generator) {
    return open(folder, generator, true);
  }

  /**
   * As {@link #open}, but without reading what the cache holds, for a build that recalls nothing of
   * it: only why it would be set aside.
   */
  public static Opened vet(Path folder) {
    return open(folder, "", false);
  }

  private static Opened open(Path folder, String generator, boolean read) {
    Path file = folder.resolve(FILE);
    try {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return Opened.none();
      UserPrincipal user = currentUser();
      if (!KeptOutput.closedToOthers(folder, user) || !ownedAndClosed(file, user))
        return Opened.setAside(
            "it is not this user's, or others may write into it: delete it, and the next build"
                + " makes a new one");
      return read ? read(unfollowed(file), generator) : Opened.none();
    } catch (NoSuchFileException e) {
      return Opened.none();
    } catch (IOException e) {
      return Opened.setAside("it cannot be read (" + e.getMessage() + ")");
    }
  }

  /** The cache {@code bytes} hold, if whole and of this generator. */
  static Opened read(byte[] bytes, String generator) {
    if (bytes.length < MAGIC.length + CHECKSUM
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length))
      return Opened.setAside("it is not a build cache, or it is truncated");
    int body = bytes.length - CHECKSUM;
    if (checksum(bytes, body) != ByteBuffer.wrap(bytes, body, CHECKSUM).getInt())
      return Opened.setAside("it is corrupt or truncated (its checksum does not match)");
    try (DataInputStream in =
        new DataInputStream(
            new java.io.ByteArrayInputStream(bytes, MAGIC.length, body - MAGIC.length))) {
      int format = in.readInt();
      if (format != FORMAT) return Opened.setAside("it is of another format (" + format + ")");
      String madeBy = in.readUTF();
      if (!madeBy.equals(generator))
        return Opened.setAside("another version of disclose made it (" + madeBy + ")");
      String request = in.readUTF();
      String inputs = in.readUTF();
      boolean timeDependent = in.readBoolean();
      byte[] manifest = bytes(in);
      byte[] keptManifest = bytes(in);
      int count = in.readInt();
      Map<String, RememberedFile> files = new HashMap<>(count * 4 / 3 + 1);
      for (int i = 0; i < count; i++) {
        String path = in.readUTF();
        byte[] source = optionalDigest(in);
        byte[] sha256 = in.readNBytes(DIGEST);
        long size = in.readLong();
        byte[] kept = optionalDigest(in);
        files.put(path, new RememberedFile(source, sha256, size, kept));
      }
      int valueCount = in.readInt();
      Map<String, SavedMemo.Value> values = new HashMap<>(valueCount * 4 / 3 + 1);
      for (int i = 0; i < valueCount; i++) {
        String key = in.readUTF();
        byte[] fingerprint = in.readNBytes(DIGEST);
        if (fingerprint.length != DIGEST) throw new EOFException();
        values.put(key, new SavedMemo.Value(fingerprint, bytes(in)));
      }
      int advisories = in.readInt();
      int pages = in.readInt();
      int fileCount = in.readInt();
      long size = in.readLong();
      if (in.read() != -1) return Opened.setAside("it is corrupt (data after its end)");
      return new Opened(
          Optional.of(
              new Remembered(
                  madeBy,
                  request,
                  inputs,
                  timeDependent,
                  manifest,
                  keptManifest,
                  files,
                  values,
                  advisories,
                  pages,
                  fileCount,
                  size)),
          Optional.empty());
    } catch (EOFException e) {
      return Opened.setAside("it is corrupt or truncated");
    } catch (IOException | RuntimeException e) {
      return Opened.setAside("it is corrupt");
    }
  }

  /**
   * Saves {@code remembered} into {@code folder}, made if missing, readable by this user alone;
   * atomically, so that a build killed meanwhile leaves the previous cache or none.
   */
  public static void save(Path folder, Remembered remembered) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectories(
            folder,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectories(folder);
      }
      // Kept out of git without an entry in the site's own .gitignore.
      Files.writeString(folder.resolve(".gitignore"), "*\n");
    }
    byte[] bytes = bytes(remembered);
    Path temp = Files.createTempFile(folder, FILE, ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
        out.write(bytes);
      }
      try {
        Files.move(temp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A file's bytes, read without following a link. */
  static byte[] unfollowed(Path file) throws IOException {
    try (InputStream in =
        Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      return in.readAllBytes();
    }
  }

  /** Deletes the cache in {@code folder}, if any: the output it described is gone. */
  public static void forget(Path folder) throws IOException {
    Files.deleteIfExists(folder.resolve(FILE));
  }

  static byte[] bytes(Remembered r) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + r.files().size() * 160);
    buffer.write(MAGIC);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(buffer, 1 << 16))) {
      out.writeInt(FORMAT);
      out.writeUTF(r.generator());
      out.writeUTF(r.request());
      out.writeUTF(r.inputs());
      out.writeBoolean(r.timeDependent());
      bytes(out, r.manifest());
      bytes(out, r.keptManifest());
      // In path order, so that the same build leaves the same bytes.
      Map<String, RememberedFile> sorted = new TreeMap<>(r.files());
      out.writeInt(sorted.size());
      for (Map.Entry<String, RememberedFile> e : sorted.entrySet()) {
        RememberedFile f = e.getValue();
        out.writeUTF(e.getKey());
        optionalDigest(out, f.source());
        out.write(f.sha256());
        out.writeLong(f.size());
        optionalDigest(out, f.keptSha256());
      }
      Map<String, SavedMemo.Value> values = new TreeMap<>(r.values());
      out.writeInt(values.size());
      for (Map.Entry<String, SavedMemo.Value> e : values.entrySet()) {
        out.writeUTF(e.getKey());
        out.write(e.getValue().fingerprint());
        bytes(out, e.getValue().text());
      }
      out.writeInt(r.advisories());
      out.writeInt(r.pages());
      out.writeInt(r.fileCount());
      out.writeLong(r.bytes());
    }
    byte[] body = buffer.toByteArray();
    byte[] whole = Arrays.copyOf(body, body.length + CHECKSUM);
    ByteBuffer.wrap(whole, body.length, CHECKSUM).putInt(checksum(body, body.length));
    return whole;
  }

  private static void bytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] bytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) throw new EOFException();
    return in.readNBytes(length);
  }

  private static void optionalDigest(DataOutputStream out, byte[] digest) throws IOException {
    out.writeBoolean(digest != null);
    if (digest != null) out.write(digest);
  }

  private static byte[] optionalDigest(DataInputStream in) throws IOException {
    if (!in.readBoolean()) return null;
    byte[] digest = in.readNBytes(DIGEST);
    if (digest.length != DIGEST) throw new EOFException();
    return digest;
  }

  /**
   * A CRC-32C of the first {@code length} bytes: what tells a corrupt or truncated cache, and costs
   * little (no one can plant a cache that is only the user's to write).
   */
  private static int checksum(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  /** This process's user: the owner of a file it makes. */
  private static UserPrincipal currentUser() throws IOException {
    Path probe = Files.createTempFile("disclose-owner", ".tmp");
    try {
      return KeptOutput.owner(probe);
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /**
   * Whether {@code file} is a regular file of {@code user}'s that no one else may write: no one
   * else can have planted it or changed it.
   */
  private static boolean ownedAndClosed(Path file, UserPrincipal user) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return false;
    try {
      PosixFileAttributes a =
          Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return (user == null || a.owner().equals(user))
          && !a.permissions().contains(PosixFilePermission.GROUP_WRITE)
          && !a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException e) {
      return true; // not a POSIX file system: its owner's file
    }
  }
}
