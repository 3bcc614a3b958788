package io.dwprom.lint;

/** Running state of one histogram series (one label set without {@code le}) for sanity checks. */
final class BucketSeries {
    private final long firstLine;
    private double lastLe = Double.NaN;
    private double lastCount = Double.NaN;
    private double infCount = Double.NaN;
    private double count = Double.NaN;

    BucketSeries(long firstLine) {
        this.firstLine = firstLine;
    }

    /** Records a bucket; returns a problem description or {@code null}. */
    String bucket(double le, double cumulativeCount) {
        String problem = null;
        if (!Double.isNaN(lastLe) && le <= lastLe) {
            problem = "bucket le=\"" + Numbers.format(le) + "\" does not increase after le=\"" + Numbers.format(lastLe) + "\"";
        } else if (!Double.isNaN(lastCount) && cumulativeCount < lastCount) {
            problem = "bucket le=\"" + Numbers.format(le) + "\" count " + Numbers.format(cumulativeCount)
                    + " is less than the previous bucket's " + Numbers.format(lastCount);
        }
        lastLe = le;
        lastCount = cumulativeCount;
        if (le == Double.POSITIVE_INFINITY) {
            infCount = cumulativeCount;
        }
        return problem;
    }

    void count(double value) {
        count = value;
    }

    /** The end-of-scrape problem of this series, or {@code null}. */
    String finish() {
        if (Double.isNaN(infCount)) {
            return "histogram series starting at line " + firstLine + " has no le=\"+Inf\" bucket";
        }
        if (!Double.isNaN(count) && count != infCount) {
            return "histogram series starting at line " + firstLine + " has _count " + Numbers.format(count)
                    + " but its le=\"+Inf\" bucket is " + Numbers.format(infCount);
        }
        return null;
    }
}
