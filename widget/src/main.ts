// Embed entry: <script src="https://<aisle-host>/static/widget/aisle-widget.js" data-aisle-key="pk_live_xxx" async></script>
import { boot } from './bootstrap';

void boot();
