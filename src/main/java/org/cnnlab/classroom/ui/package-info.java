/**
 * The class server's pages: the instructor's login, password and dashboard (roster, queue, load,
 * teaching controls, polls, gallery, export), the projected gallery, and the students' join page;
 * the security configuration and the rejoin cookie. The dashboard's panels hold no service: they
 * show records and fire typed events, which {@code DashboardView} and the sections it owns act on.
 */
package org.cnnlab.classroom.ui;
