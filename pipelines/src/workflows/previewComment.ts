import { PREVIEW_COMMENT_MARKER } from '../preview/renderPreviewComment.js';

/** What `upsertPreviewCommentScript` posts, and whether it may start a new comment. */
export interface UpsertPreviewComment {
  /** The file holding the body (it starts with the marker). */
  readonly bodyFile: string;
  /** Post a new comment when the pull request has none (deploy); else only edit (destroy). */
  readonly create: boolean;
}

/**
 * Script lines that create or edit the pull request's one preview comment, found by the hidden
 * marker on its first line, through `gh api` (GH_TOKEN, REPOSITORY and PREVIEW_PR from env:).
 */
export function upsertPreviewCommentLines({ bodyFile, create }: UpsertPreviewComment): string[] {
  return [
    // Every page of comments; the ids of those starting with the marker, oldest first.
    `ids=$(gh api --paginate "repos/$REPOSITORY/issues/$PREVIEW_PR/comments" --jq '.[] | select(.body | startswith("${PREVIEW_COMMENT_MARKER}")) | .id')`,
    "id=${ids%%$'\\n'*}",
    'if [ -n "$id" ]; then',
    `  gh api --method PATCH "repos/$REPOSITORY/issues/comments/$id" -F "body=@${bodyFile}" >/dev/null`,
    '  echo "updated the preview comment $id"',
    ...(create
      ? [
          'else',
          `  gh api --method POST "repos/$REPOSITORY/issues/$PREVIEW_PR/comments" -F "body=@${bodyFile}" >/dev/null`,
          '  echo "posted the preview comment"',
        ]
      : ['else', '  echo "no preview comment to update"']),
    'fi',
  ];
}
