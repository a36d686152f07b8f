/**
 * A customer's name as people read it. Many Indonesians have a single name: the last name is then empty (stored as
 * ""), and the name is the first name alone, with no dangling space. What Finpay needs instead of an empty last
 * name is decided in one place, lib/finpay/builders.ts.
 */
export function fullName(person: { firstName: string; lastName: string }): string {
  return [person.firstName, person.lastName].map((part) => part.trim()).filter(Boolean).join(" ");
}
