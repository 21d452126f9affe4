/** Access tokens may expire: a user's token stops working at its expiry (`add-user --expires`). */
export default `
ALTER TABLE sync_users ADD COLUMN expires_at timestamptz;
`;
