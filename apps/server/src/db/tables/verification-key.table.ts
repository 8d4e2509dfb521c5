// The client keys of verifications (复核) sent from the field app's outbox: a retry whose first
// attempt landed (its answer lost on the way back) is recognised by its key and answered as done,
// instead of as a conflict with itself.
export interface VerificationKeyTable {
  client_key: string;
  object_id: string;
  actor_id: string;
  at: string;
}
