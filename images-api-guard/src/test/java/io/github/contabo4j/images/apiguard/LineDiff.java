package io.github.contabo4j.images.apiguard;

import java.util.ArrayList;
import java.util.List;

/** A unified-style line diff (longest common subsequence), enough to show an API change in a build log. */
final class LineDiff {

  private LineDiff() {}

  /** The changed lines of {@code after} against {@code before}, {@code -}/{@code +} prefixed, with context; empty when equal. */
  static String diff(List<String> before, List<String> after, int context) {
    int n = before.size();
    int m = after.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = before.get(i).equals(after.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    List<Boolean> changed = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && before.get(i).equals(after.get(j))) {
        lines.add("  " + before.get(i));
        changed.add(false);
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
        lines.add("+ " + after.get(j++));
        changed.add(true);
      } else {
        lines.add("- " + before.get(i++));
        changed.add(true);
      }
    }
    StringBuilder out = new StringBuilder();
    int lastPrinted = -1;
    for (int k = 0; k < lines.size(); k++) {
      boolean near = false;
      for (int d = Math.max(0, k - context); d <= Math.min(lines.size() - 1, k + context) && !near; d++) {
        near = changed.get(d);
      }
      if (near) {
        if (lastPrinted >= 0 && k > lastPrinted + 1) {
          out.append("  ...\n");
        }
        out.append(lines.get(k)).append('\n');
        lastPrinted = k;
      }
    }
    return out.toString();
  }
}
