/**
 * What every lesson shares: the layout and navigation that follow the lecture's outline,
 * i18n, student identity and the error type that carries translated messages.
 */
package org.cnnlab.base;
