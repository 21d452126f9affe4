/**
 * When a user's workstation last pulled from the team book: "last seen" in the users list counts
 * pulls too, so a read-only user (who never pushes) is seen.
 */
export default `
ALTER TABLE sync_users ADD COLUMN seen_at timestamptz;
`;
