// antd's Select as a module of its own, for ChoiceSelect to load on a PC only (see choice-select.tsx).
import { Select } from 'antd';

export default Select;
