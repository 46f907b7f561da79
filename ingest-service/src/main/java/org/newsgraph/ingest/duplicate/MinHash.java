package org.newsgraph.ingest.duplicate;

import java.util.List;

/**
 * MinHash signatures of a text's word shingles, and locality-sensitive bands of them.
 *
 * <p>Two texts share a band with probability 1 - (1 - J^ROWS)^BANDS for shingle Jaccard similarity
 * J: about 0.999 at J = 0.8 and 0.06 at J = 0.5, so a syndicated copy with a new headline or footer
 * becomes a candidate while unrelated articles on the same story rarely do. The candidates'
 * signatures then give the similarity estimate that decides.
 */
public final class MinHash {

  public static final int BANDS = 16;
  public static final int ROWS = 8;
  public static final int SIZE = BANDS * ROWS;
  private static final int SHINGLE = 3;

  /** Odd multipliers and offsets of the hash family h_i(x) = (A_i * x + B_i) >>> 32. */
  private static final long[] MULTIPLIERS = new long[SIZE];

  private static final long[] OFFSETS = new long[SIZE];

  static {
    long seed = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < SIZE; i++) {
      seed = mix(seed + i);
      MULTIPLIERS[i] = seed | 1;
      seed = mix(seed + i);
      OFFSETS[i] = seed;
    }
  }

  private MinHash() {}

  /**
   * @return the signature, or null for a text too short to have a shingle
   */
  public static int[] signature(List<String> words) {
    if (words.size() < SHINGLE) {
      return null;
    }
    long[] hashes = new long[words.size()];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = hash(words.get(i));
    }
    long[] shingles = new long[hashes.length - SHINGLE + 1];
    for (int i = 0; i < shingles.length; i++) {
      long shingle = hashes[i];
      for (int k = 1; k < SHINGLE; k++) {
        shingle = shingle * 0x100000001B3L + hashes[i + k];
      }
      shingles[i] = mix(shingle);
    }
    // one hash function at a time over all shingles: a tight loop the JIT keeps in registers,
    // several times faster than all functions per shingle, with the same result
    int[] signature = new int[SIZE];
    for (int j = 0; j < SIZE; j++) {
      long multiplier = MULTIPLIERS[j];
      long offset = OFFSETS[j];
      int min = Integer.MAX_VALUE;
      for (long shingle : shingles) {
        min = Math.min(min, (int) ((multiplier * shingle + offset) >>> 33));
      }
      signature[j] = min;
    }
    return signature;
  }

  /** One value per band; the band's number is mixed in so that bands never match each other. */
  public static long[] bands(int[] signature) {
    long[] bands = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long value = band;
      for (int row = 0; row < ROWS; row++) {
        value = mix(value * 31 + signature[band * ROWS + row]);
      }
      bands[band] = value;
    }
    return bands;
  }

  /** The estimated Jaccard similarity of the shingle sets behind two signatures. */
  public static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < SIZE; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / SIZE;
  }

  /** 64-bit FNV-1a over the word's characters. */
  private static long hash(String word) {
    long hash = 0xCBF29CE484222325L;
    for (int i = 0; i < word.length(); i++) {
      hash = (hash ^ word.charAt(i)) * 0x100000001B3L;
    }
    return hash;
  }

  /** The SplitMix64 finaliser: spreads every input bit over the whole word. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
