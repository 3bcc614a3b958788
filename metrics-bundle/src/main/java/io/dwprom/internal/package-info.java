/**
 * The bundle's implementation: recorders, Jersey, servlet and JDBC adapters, exposition. Not an API: its types are
 * public only so that the bundle's packages can reach one another, and may change in any release.
 */
package io.dwprom.internal;
