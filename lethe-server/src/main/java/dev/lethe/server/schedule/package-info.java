/**
 * Fire times of schedules: {@code every} with jitter, and five-field cron on the wall clock of a zone with
 * documented daylight-saving behaviour ({@link dev.lethe.server.schedule.CronTimetable}).
 */
package dev.lethe.server.schedule;
