/**
 * A command's metrics pushed to a Pushgateway when it ends: {@link io.dwprom.push.CommandPush}.
 */
package io.dwprom.push;
