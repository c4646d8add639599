'use strict';
// The photo picker's choices show the photo's thumbnail beside its title. The
// admin's autocomplete starts its pickers once the page is ready; this runs
// before that, so every picker made afterwards shows thumbnails where the
// answers carry one (gallery/widgets.py), and titles alone elsewhere.
{
    const $ = window.django && window.django.jQuery;
    if ($ && $.fn.select2) {
        const withThumbnail = (item) => {
            if (!item.thumbnail) {
                return item.text;
            }
            const choice = document.createElement('span');
            choice.className = 'photo-choice';
            const image = document.createElement('img');
            image.src = item.thumbnail;
            image.alt = '';
            image.width = item.thumbnail_width;
            image.height = item.thumbnail_height;
            const title = document.createElement('span');
            title.textContent = item.text;
            choice.append(image, title);
            return $(choice);
        };
        $.fn.select2.defaults.set('templateResult', withThumbnail);
    }
}
