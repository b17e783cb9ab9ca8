package dev.roundtrip.server;

import dev.roundtrip.trace.SqlReadout;
import java.sql.Connection;
import java.sql.SQLException;

/** Where the demo application's SQL runs: each call gets a connection for itself, traced through its observer. */
interface Database extends AutoCloseable {
    /** A connection for one SQL call; {@link Call#close()} gives it back. */
    Call call(SqlObserver observer) throws SQLException;

    @Override
    void close();

    /** One SQL call on a lent connection. */
    interface Call extends AutoCloseable {
        Connection connection();

        /** The statement ran: what crossed the database socket is told first, then {@code sql}. */
        void executed(SqlReadout sql);

        /** The statement failed: what crossed the socket is told, and the exception to throw (a lost connection: a {@link DatabaseUnavailableException}). */
        SQLException failed(SQLException e);

        @Override
        void close();
    }
}
