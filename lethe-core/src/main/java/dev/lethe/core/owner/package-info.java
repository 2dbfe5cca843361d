/**
 * Owners: a kind of thing (a session, a user, a tenant) whose items live in several stores. An
 * {@link dev.lethe.core.owner.OwnerKind} lists where — one {@link dev.lethe.core.owner.OwnerMember} per store
 * and selection template — and {@link dev.lethe.core.engine.Engine#collect} removes one owner's items from all
 * of them at once, the moment the owner is destroyed ({@code lethe collect session 42}).
 */
package dev.lethe.core.owner;
