/**
 * The engine: runs policies against stores, once. It owns what every store shares — the frozen reference
 * time, planning, the guards that refuse a run before any change, dry run, batching and timeouts, reports
 * and history — so a store implements only its native I/O.
 */
package dev.lethe.core.engine;
