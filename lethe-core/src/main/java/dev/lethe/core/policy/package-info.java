/**
 * The policy model: which items a policy selects, what it does with them, when, and how carefully.
 *
 * <p>Everything here is an immutable value. Policies are built from YAML by {@code lethe-config} or directly
 * from Java with {@link dev.lethe.core.policy.Policy#builder(String)}; both paths end in the same checks.
 */
package dev.lethe.core.policy;
