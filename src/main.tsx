import './boot';
import { render } from 'solid-js/web';
import { App } from './ui/App';
import './ui/styles.css';

document.documentElement.lang = localStorage.getItem('keyuan.lang') === 'en' ? 'en' : 'zh-CN';
render(() => <App />, document.getElementById('app')!);
