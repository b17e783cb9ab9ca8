package dev.roundtrip.probe;

/**
 * How many kernel readouts the per-socket-read/write path may take: a token bucket. Readouts from
 * {@code /proc} and readouts by ioctl (epoll transport on Linux) have a bucket each ({@link #sampled()},
 * {@link #ioctlSampled()}). One /proc readout
 * reads a whole {@code /proc/net/tcp6} table (the kernel walks every hash bucket: measured 4 ms on
 * a 2-core server, 0.2 ms on a laptop), so under load they are sampled. A class sending a request
 * now and then never runs the bucket dry: every read and write of a lone exchange is measured.
 * Readouts at a gate and on demand ({@code Lab.probe}) do not take from the bucket: always read.
 */
public final class KernelBudget {
    private final int burst;
    private final double perSecond;
    /** Nanoseconds one readout's token takes to come back; {@link Long#MAX_VALUE} when none ever does. */
    private final long interval;
    /** How far ahead of now the schedule may run: a full bucket is {@code burst} readouts in advance. */
    private final long tolerance;
    /**
     * When the bucket would be full again if nothing more were taken (GCRA's theoretical arrival time):
     * one number instead of tokens and a last-refill time, so a refused take (most of them under load)
     * is a read and a clock, no lock, and a granted one a compare-and-set.
     */
    private final java.util.concurrent.atomic.AtomicLong fullAt;

    /**
     * @param burst readouts allowed back to back (a lone exchange takes 4: two writes, two reads)
     * @param perSecond readouts per second sustained under load
     */
    public KernelBudget(int burst, double perSecond) {
        if (burst < 0 || perSecond < 0) throw new IllegalArgumentException("burst and rate must be >= 0");
        this.burst = burst;
        this.perSecond = perSecond;
        double ns = perSecond == 0 ? Double.POSITIVE_INFINITY : 1e9 / perSecond;
        this.interval = ns >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE : Math.max(1, (long) ns);
        // past this, a never-refilling bucket's count would overflow: it simply counts its burst down
        this.tolerance = interval == Long.MAX_VALUE || burst > (Long.MAX_VALUE / 4) / interval ? Long.MAX_VALUE : (long) burst * interval;
        this.fullAt = new java.util.concurrent.atomic.AtomicLong(interval == Long.MAX_VALUE ? burst : System.nanoTime());
    }

    /** Every readout is taken (no sampling). */
    public static KernelBudget unlimited() {
        return new KernelBudget(Integer.MAX_VALUE, Double.POSITIVE_INFINITY);
    }

    /**
     * The default: 256 back to back (a class never runs out: a 4 MiB answer or twelve exchanges at once
     * are measured in full), 20 per second under load (about 7% of one core at 3.6 ms each).
     */
    public static KernelBudget sampled() {
        return new KernelBudget(256, 20);
    }

    /**
     * The budget of the ioctl readouts (epoll on Linux: three system calls through JNA, ~3 µs): 4,096 back to
     * back (~12 ms of readouts), so a class's exchanges, an 8 MiB answer's reads and writes and a burst of a
     * few hundred requests are read in full, and 2,000 a second under load. Under wrk's 30,000 requests a second the readout at every read and write was
     * the traced server's largest single cost (0.43x of plain Netty with kernel readouts off against 0.30x
     * with them, same run), and nobody reads 60,000 queue figures a second.
     */
    public static KernelBudget ioctlSampled() {
        return new KernelBudget(4096, 2000);
    }

    public boolean unlimitedBudget() {
        return burst == Integer.MAX_VALUE;
    }

    /** True when a readout may be taken now (and takes it from the budget). Lock-free: any thread. */
    public boolean take() {
        if (burst == Integer.MAX_VALUE) return true;
        if (interval == Long.MAX_VALUE) { // no refill: the burst, counted down
            long left;
            do {
                left = fullAt.get();
                if (left <= 0) return false;
            } while (!fullAt.compareAndSet(left, left - 1));
            return true;
        }
        long now = System.nanoTime();
        while (true) {
            long at = fullAt.get();
            long from = at - now > 0 ? at : now; // an empty schedule starts now: idle time refills, up to a full bucket
            if (from + interval - now > tolerance) return false;
            if (fullAt.compareAndSet(at, from + interval)) return true;
        }
    }

    @Override
    public String toString() {
        return unlimitedBudget() ? "every socket read and write" : "at most " + burst + " back to back, " + (int) perSecond + " per second under load";
    }
}
