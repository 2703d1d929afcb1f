/**
 * The class server: the instructor's account, class sessions with join codes, students who join
 * with a nickname and come back by a cookie, teaching controls delivered by push (pause, pacing,
 * a pushed kernel, polls), the gallery, and what persists in the database (H2 or PostgreSQL).
 */
package org.cnnlab.classroom;
