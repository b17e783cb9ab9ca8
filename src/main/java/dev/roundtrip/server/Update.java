package dev.roundtrip.server;

/**
 * One update the real-time routes deliver.
 *
 * @param id its number, from 1, in the order the updates were made (a poller's cursor, an SSE event's id)
 * @param createdNanos when it was made, on the lab's clock ({@code TraceClock}): where its delay is measured from
 * @param text what it says
 */
public record Update(long id, long createdNanos, String text) {
    /** {@code {"id":3,"text":"job 3 done"}}: the same in every way it is delivered. */
    public String json() {
        StringBuilder b = new StringBuilder("{\"id\":").append(id).append(",\"text\":\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append("\"}").toString();
    }
}
