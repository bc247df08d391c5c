/**
 * The run's HOCON configuration (Typesafe Config): {@code reference.conf} holds every key with its
 * default; files and {@code key=value} overrides are read into the domain's records with checked,
 * located errors ({@link org.automlzero.config.ConfigError} names the key, the value, the file and
 * line, and what is allowed) before anything runs.
 */
package org.automlzero.config;
