package io.dwprom.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The statement proxies of {@link JdbcInstrumentation} (plain, prepared and callable): each execution is timed
 * under its SQL text (the prepared text, or the text passed to {@code execute*}), failed ones too, and counted as
 * an error by SQLState class when it fails. A batch is one observation, labelled by the prepared text or, for a
 * plain statement, by the first text added to it. {@code getConnection} answers the connection proxy; every other
 * call goes to the statement as it is.
 */
final class TimedStatementHandler implements InvocationHandler {

    private final Statement target;
    private final Connection connection;
    private final String preparedSql;
    private final JdbcInstrumentation jdbc;
    /** The first text added to a plain statement's batch (a statement is used by one thread at a time). */
    private String batchSql;

    TimedStatementHandler(Statement target, Connection connection, String preparedSql, JdbcInstrumentation jdbc) {
        this.target = target;
        this.connection = connection;
        this.preparedSql = preparedSql;
        this.jdbc = jdbc;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate":
                return timed(method, args, args != null && args[0] instanceof String sql ? sql : preparedSql);
            case "executeBatch", "executeLargeBatch":
                String sql = preparedSql != null ? preparedSql : batchSql;
                batchSql = null;
                return timed(method, args, sql);
            case "addBatch":
                if (batchSql == null && args != null && args[0] instanceof String added) {
                    batchSql = added;
                }
                return call(method, args);
            case "clearBatch":
                batchSql = null;
                return call(method, args);
            case "getConnection":
                return connection;
            case "equals":
                return args.length == 1 && proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return target.toString();
            default:
                return call(method, args);
        }
    }

    private Object timed(Method method, Object[] args, String sql) throws Throwable {
        long start = System.nanoTime();
        try {
            Object result = method.invoke(target, args);
            jdbc.recordExecution(sql, System.nanoTime() - start, null);
            return result;
        } catch (InvocationTargetException failure) {
            jdbc.recordExecution(sql, System.nanoTime() - start, failure.getCause());
            throw failure.getCause();
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
