package dev.disclose.search;

import java.util.Arrays;

/**
 * A term's postings: doc numbers in increasing order, each with its field bits. Docs are added in
 * order, so a posting is appended or, for the same doc, its bits combined.
 */
final class Postings {
  private int[] docs = new int[2];
  private byte[] fields = new byte[2];
  private int size;

  void add(int doc, int field) {
    if (size > 0 && docs[size - 1] == doc) {
      fields[size - 1] |= (byte) field;
      return;
    }
    if (size == docs.length) {
      docs = Arrays.copyOf(docs, size * 2);
      fields = Arrays.copyOf(fields, size * 2);
    }
    docs[size] = doc;
    fields[size++] = (byte) field;
  }

  /** Sets {@code doc}'s field bits, in its place among the docs; 0 removes it. */
  void set(int doc, int bits) {
    int at = Arrays.binarySearch(docs, 0, size, doc);
    if (at >= 0) {
      if (bits != 0) {
        fields[at] = (byte) bits;
        return;
      }
      System.arraycopy(docs, at + 1, docs, at, size - at - 1);
      System.arraycopy(fields, at + 1, fields, at, size - at - 1);
      size--;
      return;
    }
    if (bits == 0) return;
    int insert = -at - 1;
    if (size == docs.length) {
      docs = Arrays.copyOf(docs, size * 2);
      fields = Arrays.copyOf(fields, size * 2);
    }
    System.arraycopy(docs, insert, docs, insert + 1, size - insert);
    System.arraycopy(fields, insert, fields, insert + 1, size - insert);
    docs[insert] = doc;
    fields[insert] = (byte) bits;
    size++;
  }

  /** Whether no doc holds the term any more. */
  boolean isEmpty() {
    return size == 0;
  }

  /**
   * The posting list as the index writes it: varints of (doc delta << 2 | field bits), 5 bits a
   * character plus a continuation bit, in {@link SearchIndexWriter#ALPHABET}.
   */
  String encoded() {
    StringBuilder out = new StringBuilder();
    int previous = -1;
    for (int i = 0; i < size; i++) {
      long value = ((long) (docs[i] - previous - 1) << 2) | fields[i];
      previous = docs[i];
      do {
        int five = (int) (value & 31);
        value >>>= 5;
        out.append(SearchIndexWriter.ALPHABET.charAt(value > 0 ? five | 32 : five));
      } while (value > 0);
    }
    return out.toString();
  }
}
