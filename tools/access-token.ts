// The OAuth2 client-credentials exchange, as the tools (npm start, the CLI)
// and the tests perform it against a running gateway.
export interface ClientSecret {
  clientId: string;
  clientSecret: string;
}

export async function fetchAccessToken(gatewayUrl: string, client: ClientSecret): Promise<string> {
  const response = await fetch(`${gatewayUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
  if (!response.ok)
    throw new Error(`the gateway refused the client's credentials (${response.status})`);
  return ((await response.json()) as { access_token: string }).access_token;
}
