package dev.breaker.core.window;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A count that any thread may increment, exact once the increments are done: the idea of
 * {@link java.util.concurrent.atomic.LongAdder}, in less memory.
 *
 * <h2>Implementation notes</h2>
 * Until two threads collide, an increment is one CAS on {@code base}. The first failed CAS allocates
 * the stripes, once and for good: one {@code long} per 64-byte cache line, as many as the next power
 * of two of the processors (2 on a 2-vCPU machine: 208 bytes). A {@code LongAdder} gives each of its
 * cells 256 bytes of padding (the JDK's {@code @Contended}), 584 bytes for two cells; that alone was
 * more than half of the kilobyte an idle breaker may keep. The first stripe starts a full line after
 * the array's length field, which every increment reads.
 *
 * <p>A thread picks its stripe by hashing its id with a salt. When a CAS on a stripe fails, two
 * threads share it: the salt is re-drawn (a plain race between threads that draw at once; any value
 * will do) so that they are likely to part, and the increment completes with an atomic add. A
 * {@code LongAdder} re-hashes only the colliding thread, which needs per-thread state that is not
 * ours to reach; a new salt moves every thread, which is fine while collisions are rare, as they are
 * once each running thread has a stripe of its own.
 *
 * <p>{@link #sum()} reads {@code base} and every stripe: exact when no increment runs concurrently,
 * and never smaller than a sum the same thread read before (each part only grows).
 */
final class StripedCounter {

    private static final VarHandle BASE;
    private static final VarHandle STRIPES;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    /** {@code long}s per stripe: one 64-byte cache line. */
    private static final int STRIDE = 8;
    private static final int STRIPE_COUNT = stripeCount(Runtime.getRuntime().availableProcessors());
    private static final int STRIPE_BITS = Integer.numberOfTrailingZeros(STRIPE_COUNT);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            BASE = lookup.findVarHandle(StripedCounter.class, "base", long.class);
            STRIPES = lookup.findVarHandle(StripedCounter.class, "stripes", long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long base;
    /** Null until the first collision; stripe {@code i} is at index {@code STRIDE * (i + 1)}. */
    private volatile long[] stripes;
    private volatile int salt;

    void increment() {
        long[] current = stripes;
        if (current == null) {
            long b = base;
            if (BASE.compareAndSet(this, b, b + 1)) {
                return;
            }
            current = inflate();
        }
        int index = STRIDE * (1 + stripeOf(Thread.currentThread().getId(), salt));
        long value = (long) SLOT.getVolatile(current, index);
        if (!SLOT.compareAndSet(current, index, value, value + 1)) {
            salt = ThreadLocalRandom.current().nextInt();
            SLOT.getAndAdd(current, index, 1L);
        }
    }

    long sum() {
        long sum = base;
        long[] current = stripes;
        if (current != null) {
            for (int i = STRIDE; i < current.length; i += STRIDE) {
                sum += (long) SLOT.getVolatile(current, i);
            }
        }
        return sum;
    }

    /** Whether the stripes exist (for tests). */
    boolean isStriped() {
        return stripes != null;
    }

    long[] inflate() {
        long[] fresh = new long[STRIDE * (STRIPE_COUNT + 1)];
        return STRIPES.compareAndSet(this, null, fresh) ? fresh : stripes;
    }

    /** Fibonacci hashing: the top bits of the product spread consecutive thread ids well. */
    static int stripeOf(long threadId, int salt) {
        return (int) (((threadId + salt) * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - STRIPE_BITS));
    }

    static int stripeCount(int processors) {
        return Math.max(2, Integer.highestOneBit(Math.max(1, processors - 1)) << 1);
    }
}
