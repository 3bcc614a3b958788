package io.dwprom.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The connection proxies of {@link JdbcInstrumentation}: the statements they create are timed proxies, a statement
 * that fails while being prepared is counted; every other call goes to the connection as it is.
 */
final class TimedConnectionHandler implements InvocationHandler {

    private final Connection target;
    private final JdbcInstrumentation jdbc;

    TimedConnectionHandler(Connection target, JdbcInstrumentation jdbc) {
        this.target = target;
        this.jdbc = jdbc;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "createStatement":
                return jdbc.statement((Statement) call(method, args), (Connection) proxy);
            case "prepareStatement":
                return jdbc.preparedStatement((PreparedStatement) prepare(method, args), (Connection) proxy,
                        (String) args[0]);
            case "prepareCall":
                return jdbc.callableStatement((CallableStatement) prepare(method, args), (Connection) proxy,
                        (String) args[0]);
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

    private Object prepare(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failure) {
            jdbc.recordPrepareError((String) args[0], failure.getCause());
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
