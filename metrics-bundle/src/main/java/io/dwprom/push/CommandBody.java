package io.dwprom.push;

/** The work of a command, run by {@link CommandPush#run(CommandBody)}. */
@FunctionalInterface
public interface CommandBody {

    void run() throws Exception;
}
