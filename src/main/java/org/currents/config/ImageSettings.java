package org.currents.config;

/** Cover images served from Currents: how much disk their resized copies may take ({@code images.cache-bytes}). */
public record ImageSettings(long cacheBytes) {
}
