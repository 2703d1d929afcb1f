/**
 * The class server's pages: the instructor's login, password and dashboard (roster, queue, load,
 * teaching controls, polls, gallery, export), the projected gallery, and the students' join page;
 * the security configuration and the rejoin cookie.
 */
package org.cnnlab.classroom.ui;
