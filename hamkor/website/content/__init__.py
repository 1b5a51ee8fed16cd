"""The site's own content, edited by staff: news, static pages in a small tree, images.

Rich text is sanitised on save (:mod:`.richtext`), images are checked and re-encoded on
upload (:mod:`.images`); the public reads only what is published, through :mod:`.selectors`.
"""
