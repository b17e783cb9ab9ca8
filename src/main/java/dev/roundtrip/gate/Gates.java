package dev.roundtrip.gate;

import dev.roundtrip.trace.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Holds exchanges before stages and lets them go, one step at a time.
 *
 * <p>Nothing here ever blocks a thread: the engine calls {@link #pass} with the action that starts
 * the stage (for example "read from the socket") and the executor it must run on (the channel's
 * event loop). Either the gate is open and the action is submitted at once, or it is kept and
 * submitted when the exchange is released.
 */
public final class Gates {
    private final Object lock = new Object();
    private final Map<Key, Pending> pending = new LinkedHashMap<>();
    private final List<GateListener> listeners = new CopyOnWriteArrayList<>();
    private volatile GateMode mode = GateMode.RUN;
    private volatile Set<Stage> breakpoints = EnumSet.noneOf(Stage.class);
    private long sequence;
    /** Exchanges whose client has left: they pass every gate from now on (bounded: the oldest are forgotten). */
    private final java.util.Set<Long> letGo = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > MAX_LET_GO;
        }
    });
    private static final int MAX_LET_GO = 4096;

    private record Key(long exchangeId, Stage stage) {}

    private record Pending(Hold hold, Executor executor, Runnable action) {}

    public GateMode mode() {
        return mode;
    }

    /** Switching to RUN releases everything that is held. */
    public void setMode(GateMode mode) {
        this.mode = mode;
        if (mode == GateMode.RUN) releaseAll();
    }

    public Set<Stage> breakpoints() {
        return EnumSet.copyOf(breakpoints.isEmpty() ? EnumSet.noneOf(Stage.class) : breakpoints);
    }

    public void setBreakpoints(Set<Stage> stages) {
        this.breakpoints = stages.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(stages);
    }

    public void setBreakpoint(Stage stage, boolean on) {
        Set<Stage> next = breakpoints();
        if (on) next.add(stage); else next.remove(stage);
        setBreakpoints(next);
    }

    public boolean shouldHold(Stage stage) {
        return switch (mode) {
            case RUN -> false;
            case STEP -> true;
            case BREAKPOINTS -> breakpoints.contains(stage);
        };
    }

    /**
     * The exchange is about to enter {@code stage}: run {@code action} on {@code executor} now, or
     * when released. Returns true when it was held.
     */
    public boolean pass(long exchangeId, Stage stage, Executor executor, Runnable action) {
        return pass(exchangeId, stage, executor, action, null);
    }

    /**
     * As {@link #pass(long, Stage, Executor, Runnable)}; when the exchange is held, {@code announce}
     * runs first, before anyone can see or release the hold (it must be quick and must not block:
     * the engine publishes its HELD event there, so that event always comes before any other about
     * the hold).
     */
    public boolean pass(long exchangeId, Stage stage, Executor executor, Runnable action, Runnable announce) {
        // RUN holds nothing whatever else is true: no need for the lock every stage of every exchange takes
        if (!shouldHold(stage)) {
            executor.execute(action);
            return false;
        }
        Hold hold;
        synchronized (lock) {
            if (!shouldHold(stage) || letGo.contains(exchangeId)) {
                hold = null;
            } else {
                hold = new Hold(exchangeId, stage, ++sequence);
                if (announce != null) announce.run();
                pending.put(new Key(exchangeId, stage), new Pending(hold, executor, action));
            }
        }
        if (hold == null) {
            executor.execute(action);
            return false;
        }
        for (GateListener l : listeners) l.onHeld(hold);
        return true;
    }

    /** What is held now, oldest first. */
    public List<Hold> held() {
        synchronized (lock) {
            List<Hold> list = new ArrayList<>();
            for (Pending p : pending.values()) list.add(p.hold());
            list.sort(Comparator.comparingLong(Hold::sequence));
            return list;
        }
    }

    public boolean isHeld(long exchangeId) {
        synchronized (lock) {
            return pending.keySet().stream().anyMatch(k -> k.exchangeId() == exchangeId);
        }
    }

    /** Releases the oldest hold: one step. Empty when nothing was held. */
    public Optional<Hold> step() {
        Pending p;
        synchronized (lock) {
            p = pending.values().stream().min(Comparator.comparingLong(x -> x.hold().sequence())).orElse(null);
            if (p != null) pending.remove(new Key(p.hold().exchangeId(), p.hold().stage()));
        }
        if (p == null) return Optional.empty();
        fire(p);
        return Optional.of(p.hold());
    }

    /** Releases one exchange's hold (there is at most one per exchange at a time). */
    public Optional<Hold> release(long exchangeId) {
        Pending p = null;
        synchronized (lock) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().exchangeId() == exchangeId) {
                    p = e.getValue();
                    it.remove();
                    break;
                }
            }
        }
        if (p == null) return Optional.empty();
        fire(p);
        return Optional.of(p.hold());
    }

    public void releaseAll() {
        List<Pending> all;
        synchronized (lock) {
            all = new ArrayList<>(pending.values());
            pending.clear();
        }
        all.sort(Comparator.comparingLong(x -> x.hold().sequence()));
        all.forEach(this::fire);
    }

    /**
     * The exchange's client has left: what is held of it now is released (oldest first), and it
     * passes every later gate without a hold, so the server's side runs to its end by itself (and
     * finds the client gone) instead of waiting for steps no one will take for it.
     */
    public List<Hold> letGo(long exchangeId) {
        List<Pending> mine = new ArrayList<>();
        synchronized (lock) {
            letGo.add(exchangeId);
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().exchangeId() == exchangeId) {
                    mine.add(e.getValue());
                    it.remove();
                }
            }
        }
        mine.sort(Comparator.comparingLong(x -> x.hold().sequence()));
        mine.forEach(this::fire);
        return mine.stream().map(Pending::hold).toList();
    }

    /** Forgets a hold without running it (the exchange was cancelled or its connection closed). */
    public void discard(long exchangeId) {
        synchronized (lock) {
            pending.keySet().removeIf(k -> k.exchangeId() == exchangeId);
        }
    }

    /** Forgets one stage's hold of an exchange without running it (that side of the exchange has gone). */
    public boolean discard(long exchangeId, Stage stage) {
        synchronized (lock) {
            return pending.remove(new Key(exchangeId, stage)) != null;
        }
    }

    /** The stage this exchange is held before, if it is held. */
    public Optional<Stage> heldStage(long exchangeId) {
        synchronized (lock) {
            return pending.keySet().stream().filter(k -> k.exchangeId() == exchangeId).map(Key::stage).findFirst();
        }
    }

    public void addListener(GateListener l) {
        listeners.add(l);
    }

    public void removeListener(GateListener l) {
        listeners.remove(l);
    }

    private void fire(Pending p) {
        for (GateListener l : listeners) l.onReleased(p.hold());
        p.executor().execute(p.action());
    }
}
